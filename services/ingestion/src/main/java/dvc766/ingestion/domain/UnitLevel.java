package dvc766.ingestion.domain;

public enum UnitLevel { PROVINCE, DEPARTMENT, SERVICE_CENTER, DISTRICT, COMMUNE }
