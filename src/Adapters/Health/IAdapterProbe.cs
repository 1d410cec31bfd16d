namespace IntegrationHub.Adapters.Health;

/// <summary>The cheapest real call an adapter can make to prove its national system answers.</summary>
public interface IAdapterProbe
{
    /// <summary>The adapter, e.g. <c>national-portal</c>.</summary>
    string Name { get; }

    /// <summary>The system or provider behind it, e.g. <c>DVCQG</c>.</summary>
    string Provider { get; }

    AdapterActivity Activity { get; }

    /// <summary>Throws <see cref="AdapterProbeException"/> when the system does not answer properly.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}

public sealed class AdapterProbeException(string message, Exception? inner = null) : Exception(message, inner);
