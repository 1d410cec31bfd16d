namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>The portal could not be asked or did not answer in its own format; the call may succeed later.</summary>
public sealed class PortalFaultException(string message, Exception? inner = null) : Exception(message, inner);
