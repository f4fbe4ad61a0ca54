-- Whether a source quotes the speaker directly (quotation marks) or reports the speech. Sources
-- stored before are left NULL, "not recorded": their articles are not re-read here, and a
-- default either way would claim what nobody checked.
-- AlterTable
ALTER TABLE "StatementSource" ADD COLUMN     "direct" BOOLEAN;

