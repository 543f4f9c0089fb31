-- CreateIndex
CREATE INDEX "Claim_salespersonId_verifiedAt_createdAt_madeAt_verdictBin_idx" ON "Claim"("salespersonId", "verifiedAt", "createdAt", "madeAt", "verdictBin");
