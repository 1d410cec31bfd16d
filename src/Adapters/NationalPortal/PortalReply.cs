using IntegrationHub.Adapters.NationalPortal.Wire;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>An answer in the portal's format, with the raw body kept for operators to inspect.</summary>
public sealed record PortalReply(PortalAnswer Answer, string RawBody);
