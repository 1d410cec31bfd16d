using IntegrationHub.Hub.Security;
using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Payments;
using IntegrationHub.Hub.Jobs;

namespace IntegrationHub.Hub.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Level-4 payments: the configured gateways, opening payments, settling them from callbacks and
    /// reconciliation (the job is wired with the other jobs), and PaymentService.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPaymentGateways(configuration);
        services.AddValidatedOptions<PaymentOptions>(configuration, PaymentOptions.SectionName);
        services.AddRecurringJob<PaymentReconciliationJob>(PaymentReconciliationJob.Key, configuration.Options<PaymentOptions>(PaymentOptions.SectionName).ReconcileInterval);
        services.AddScoped<PaymentDesk>();
        services.AddScoped<PaymentSettlement>();
        services.AddScoped<PaymentCallbacks>();
        return services;
    }

    /// <summary>Gateways' callbacks: <c>GET|POST /payments/{gateway}/callback</c>, answered in each gateway's own format.</summary>
    public static IEndpointRouteBuilder MapPaymentCallbacks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/payments/{gateway}/callback", ["GET", "POST"], async (string gateway, HttpContext http, PaymentCallbacks callbacks) =>
        {
            if (http.Request.ContentLength > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var body = await CallbackBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted);
            if (body is null)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            var caller = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var answer = await callbacks.HandleAsync(gateway, new PaymentCallback(query, body), caller, http.RequestAborted);
            return answer is null ? Results.NotFound() : Results.Text(answer.Body, answer.ContentType, statusCode: answer.StatusCode);
        });
        return endpoints;
    }

    // A gateway's callback is a few hundred bytes; more is not a gateway.
    private const int MaxBodyBytes = 64 * 1024;
}
