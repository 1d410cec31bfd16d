using Grpc.Core;
using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.Api;

public static class ServerCallContextExtensions
{
    /// <summary>The agency client the call is authenticated as.</summary>
    public static AgencyClient Caller(this ServerCallContext context) => AgencyClient.From(context.GetHttpContext().User);
}
