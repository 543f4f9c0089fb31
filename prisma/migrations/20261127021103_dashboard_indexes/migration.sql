-- CreateIndex
CREATE INDEX "Claim_salespersonId_madeAt_status_severity_matrixCheck_capabilityId_verifiedAt_createdAt_idx" ON "Claim"("salespersonId", "madeAt", "status", "severity", "matrixCheck", "capabilityId", "verifiedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Claim_status_salespersonId_madeAt_idx" ON "Claim"("status", "salespersonId", "madeAt");
