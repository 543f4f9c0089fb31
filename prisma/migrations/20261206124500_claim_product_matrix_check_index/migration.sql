-- CreateIndex
CREATE INDEX "Claim_productId_matrixCheck_madeAt_idx" ON "Claim"("productId", "matrixCheck", "madeAt");
