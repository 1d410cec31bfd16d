namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>The portal could not be asked or did not answer in its own format; the call may succeed later.</summary>
/// <param name="inDoubt">The call changes something at the portal and may have taken effect although no answer came.</param>
/// <param name="unanswered">In doubt, and the portal itself never answered (see <see cref="DeliveryOutcome.Unanswered"/>).</param>
public sealed class PortalFaultException(string message, Exception? inner = null, bool inDoubt = false, bool unanswered = false) : Exception(message, inner)
{
    public bool InDoubt { get; } = inDoubt;

    public bool Unanswered { get; } = inDoubt && unanswered;
}
