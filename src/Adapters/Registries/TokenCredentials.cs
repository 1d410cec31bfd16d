namespace IntegrationHub.Adapters.Registries;

/// <summary>How the client's id and secret go with a platform token request (both are OAuth 2 client authentication).</summary>
public enum TokenCredentials
{
    /// <summary><c>client_id</c> and <c>client_secret</c> in the form, as OpenCPS asks a VNPT-style LGSP.</summary>
    Form,

    /// <summary>HTTP Basic <c>consumer_key:secret</c>, as Quảng Bình's NGSP guide shows for the enterprise service.</summary>
    Basic,
}
