/** Level names, 1 to 5, as the API counts them. */
export const levelNames = ["beginner", "basics", "intermediate", "advanced", "expert"] as const;

export const levelName = (level: number): string => levelNames[level - 1] ?? `level ${level}`;
