namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>The portal could not be asked or did not answer in its own format; the call may succeed later.</summary>
/// <param name="inDoubt">The call changes something at the portal and may have taken effect although no answer came.</param>
public sealed class PortalFaultException(string message, Exception? inner = null, bool inDoubt = false) : Exception(message, inner)
{
    public bool InDoubt { get; } = inDoubt;
}
