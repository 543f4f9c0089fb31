-- AlterTable
ALTER TABLE "Survey" ADD COLUMN "untrueClaim" TEXT;

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dealId" TEXT NOT NULL,
    "salespersonId" TEXT NOT NULL,
    "importedById" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "salespersonSpeaker" TEXT NOT NULL,
    "speakersJson" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Conversation_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conversation_salespersonId_fkey" FOREIGN KEY ("salespersonId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conversation_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationSentence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "speaker" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "startMs" INTEGER,
    CONSTRAINT "ConversationSentence_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CandidateClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "sentenceId" TEXT NOT NULL,
    "salespersonId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "capabilityId" TEXT NOT NULL,
    "matchedPhrase" TEXT NOT NULL,
    "assertedLevel" TEXT NOT NULL,
    "cueWords" TEXT NOT NULL DEFAULT '',
    "matrixCheck" TEXT NOT NULL,
    "revisionId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "dismissReason" TEXT,
    "dismissNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CandidateClaim_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CandidateClaim_sentenceId_fkey" FOREIGN KEY ("sentenceId") REFERENCES "ConversationSentence" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CandidateClaim_salespersonId_fkey" FOREIGN KEY ("salespersonId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CandidateClaim_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CandidateClaim_capabilityId_fkey" FOREIGN KEY ("capabilityId") REFERENCES "Capability" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CandidateClaim_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Capability" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "conditions" TEXT NOT NULL DEFAULT '',
    "painPoints" TEXT NOT NULL DEFAULT '',
    "phrases" TEXT NOT NULL DEFAULT '',
    "docsUrl" TEXT,
    "ownerId" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" DATETIME,
    "reviewDueAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Capability_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Capability_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Capability_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Capability" ("conditions", "createdAt", "description", "docsUrl", "id", "key", "ownerId", "painPoints", "productId", "reviewDueAt", "status", "title", "updatedAt", "verifiedAt", "verifiedById", "version") SELECT "conditions", "createdAt", "description", "docsUrl", "id", "key", "ownerId", "painPoints", "productId", "reviewDueAt", "status", "title", "updatedAt", "verifiedAt", "verifiedById", "version" FROM "Capability";
DROP TABLE "Capability";
ALTER TABLE "new_Capability" RENAME TO "Capability";
CREATE INDEX "Capability_productId_status_idx" ON "Capability"("productId", "status");
CREATE INDEX "Capability_reviewDueAt_idx" ON "Capability"("reviewDueAt");
CREATE UNIQUE INDEX "Capability_productId_key_key" ON "Capability"("productId", "key");
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "salespersonId" TEXT NOT NULL,
    "dealId" TEXT,
    "accountName" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "capabilityId" TEXT,
    "revisionId" TEXT,
    "assertedLevel" TEXT,
    "statement" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "madeAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "loggedById" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "matrixCheck" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "severity" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" DATETIME,
    "verdictNote" TEXT,
    "customerCorrectedAt" DATETIME,
    "surveyId" TEXT,
    "candidateId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_salespersonId_fkey" FOREIGN KEY ("salespersonId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "CandidateClaim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_capabilityId_fkey" FOREIGN KEY ("capabilityId") REFERENCES "Capability" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "CapabilityRevision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("accountName", "assertedLevel", "capabilityId", "channel", "createdAt", "customerCorrectedAt", "dealId", "evidence", "id", "loggedById", "madeAt", "matrixCheck", "productId", "revisionId", "salespersonId", "severity", "source", "statement", "status", "updatedAt", "verdictNote", "verifiedAt", "verifiedById", "version") SELECT "accountName", "assertedLevel", "capabilityId", "channel", "createdAt", "customerCorrectedAt", "dealId", "evidence", "id", "loggedById", "madeAt", "matrixCheck", "productId", "revisionId", "salespersonId", "severity", "source", "statement", "status", "updatedAt", "verdictNote", "verifiedAt", "verifiedById", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_surveyId_key" ON "Claim"("surveyId");
CREATE UNIQUE INDEX "Claim_candidateId_key" ON "Claim"("candidateId");
CREATE INDEX "Claim_salespersonId_madeAt_idx" ON "Claim"("salespersonId", "madeAt");
CREATE INDEX "Claim_status_madeAt_idx" ON "Claim"("status", "madeAt");
CREATE INDEX "Claim_productId_madeAt_idx" ON "Claim"("productId", "madeAt");
CREATE INDEX "Claim_capabilityId_madeAt_idx" ON "Claim"("capabilityId", "madeAt");
CREATE INDEX "Claim_matrixCheck_madeAt_idx" ON "Claim"("matrixCheck", "madeAt");
CREATE INDEX "Claim_channel_madeAt_idx" ON "Claim"("channel", "madeAt");
CREATE INDEX "Claim_severity_madeAt_idx" ON "Claim"("severity", "madeAt");
CREATE INDEX "Claim_madeAt_idx" ON "Claim"("madeAt");
CREATE INDEX "Claim_dealId_idx" ON "Claim"("dealId");
CREATE INDEX "Claim_loggedById_idx" ON "Claim"("loggedById");
CREATE INDEX "Claim_source_madeAt_idx" ON "Claim"("source", "madeAt");
CREATE INDEX "Claim_salespersonId_madeAt_status_severity_matrixCheck_capabilityId_verifiedAt_createdAt_idx" ON "Claim"("salespersonId", "madeAt", "status", "severity", "matrixCheck", "capabilityId", "verifiedAt", "createdAt");
CREATE INDEX "Claim_status_salespersonId_madeAt_idx" ON "Claim"("status", "salespersonId", "madeAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Conversation_salespersonId_occurredAt_idx" ON "Conversation"("salespersonId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_dealId_contentHash_key" ON "Conversation"("dealId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationSentence_conversationId_position_key" ON "ConversationSentence"("conversationId", "position");

-- CreateIndex
CREATE INDEX "CandidateClaim_salespersonId_status_createdAt_idx" ON "CandidateClaim"("salespersonId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "CandidateClaim_conversationId_idx" ON "CandidateClaim"("conversationId");

-- CreateIndex
CREATE INDEX "CandidateClaim_status_createdAt_idx" ON "CandidateClaim"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateClaim_sentenceId_capabilityId_key" ON "CandidateClaim"("sentenceId", "capabilityId");
