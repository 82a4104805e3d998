package dvc766.datagen;

/** How far a procedure is offered as an online service. */
public enum OnlineLevel { FULL, PARTIAL, NONE }
