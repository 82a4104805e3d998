package dvc766.datagen;

/** Levels of the unit tree (index-766 §10). */
public enum UnitLevel { PROVINCE, DEPARTMENT, SERVICE_CENTER, DISTRICT, COMMUNE }
