import bcrypt from "bcryptjs";

const COST = 10;
export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);
// Compared against when the email is unknown, so both cases take the same time.
export const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.nHh6nQ6e3gdzuKQm8Dq7PLd/6T5G";
