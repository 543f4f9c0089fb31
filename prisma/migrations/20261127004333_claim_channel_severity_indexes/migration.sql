-- CreateIndex
CREATE INDEX "Claim_channel_madeAt_idx" ON "Claim"("channel", "madeAt");

-- CreateIndex
CREATE INDEX "Claim_severity_madeAt_idx" ON "Claim"("severity", "madeAt");
