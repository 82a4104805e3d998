package dvc766.datagen;

/** How a dossier was submitted. */
public enum Channel { ONLINE, DIRECT, POSTAL }
