import {
  POLICY_UNSUPPORTED,
  SUPERSEDED_CLAIMS,
  supportsEndpointPolicy,
  UNCONFIRMED_CLAIMS,
} from "../../blueprints/lib/facts/policy-support";
import { findService, SERVICES } from "../../blueprints/lib/services";

describe("endpoint policy support", () => {
  test("GIVEN the tables THEN every entry is a catalog key with a named source", () => {
    for (const entry of [...POLICY_UNSUPPORTED, ...SUPERSEDED_CLAIMS, ...UNCONFIRMED_CLAIMS]) {
      expect([entry.key, findService(entry.key) !== undefined]).toEqual([entry.key, true]);
      expect(entry.source.length).toBeGreaterThan(20);
    }
  });

  test("GIVEN a claim that a newer guide contradicts, or one no guide confirms THEN the service is treated as supporting policies", () => {
    for (const claim of [...SUPERSEDED_CLAIMS, ...UNCONFIRMED_CLAIMS]) {
      expect([claim.key, supportsEndpointPolicy(claim.key)]).toEqual([claim.key, true]);
    }
  });

  test("GIVEN every catalog service THEN the answer is false exactly for the documented exceptions", () => {
    const unsupported = SERVICES.filter((s) => !supportsEndpointPolicy(s.key)).map((s) => s.key);
    expect(unsupported).toEqual(POLICY_UNSUPPORTED.map((e) => e.key));
  });

  test("GIVEN an endpoint service name THEN no policy (endpoint services allow full access only)", () => {
    expect(supportsEndpointPolicy("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0")).toBe(false);
    expect(supportsEndpointPolicy("com.amazonaws.eu-west-1.some-new-service")).toBe(true);
  });

  test("WHEN the reference is neither a key nor a service name THEN the error names the field", () => {
    expect(() => supportsEndpointPolicy("evil.example.com", "interfaceServices[2]")).toThrow(
      /^`interfaceServices\[2\]`: "evil\.example\.com" is neither a catalog key nor a full service name; expected/,
    );
  });
});
