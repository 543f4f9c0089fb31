import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of the response being rendered on the server. In the
// browser it is undefined: browsers hide nonce attributes from scripts, and hydration keeps
// what the server rendered.
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
