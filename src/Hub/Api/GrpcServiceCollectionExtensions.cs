using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Hub.Api.Admin;
using IntegrationHub.Hub.Api.Audit;
using IntegrationHub.Hub.Api.Dossiers;
using IntegrationHub.Hub.Api.Inbox;
using IntegrationHub.Hub.Api.Payments;
using IntegrationHub.Hub.Api.Procedures;
using IntegrationHub.Hub.Api.Registries;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Api;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Agency-facing gRPC, with each client's write rate limited. The transport's own size limit sits well above <see cref="LimitsOptions.MaxRequestBytes"/>,
    /// so an oversized request gets INVALID_ARGUMENT naming the limit rather than a bare transport error.
    /// </summary>
    public static IServiceCollection AddHubGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LimitsOptions>(configuration, LimitsOptions.SectionName)
            .Validate(o => o.MaxFeeAmount > 0 && o.MaxFeesTotal > 0 && o.MaxFeesTotal <= long.MaxValue / 100,
                "Hub:Limits:MaxFeeAmount and MaxFeesTotal must be positive, and MaxFeesTotal × 100 (VNPAY's wire amount) must fit in 64 bits");
        services.AddValidatedOptions<WriteRateOptions>(configuration, WriteRateOptions.SectionName);
        // One instance holds every client's bucket.
        services.AddSingleton<WriteRateLimitInterceptor>();
        services.AddSingleton<AgencyWriteRecordingInterceptor>();
        services.AddSingleton(provider => new RequestReader(provider.GetRequiredService<IOptions<LimitsOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ApplicantReader>().AddSingleton<DocumentReader>().AddSingleton<DossierRequestReader>();
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = MalformedRequestMiddleware.MaxMessageBytes;
            options.Interceptors.Add<AgencyWriteRecordingInterceptor>();
            options.Interceptors.Add<WriteRateLimitInterceptor>();
            options.Interceptors.Add<ErrorMappingInterceptor>();
        });
        return services;
    }

    /// <summary>The seven services, behind a guard that answers an unreadable request as INVALID_ARGUMENT once the caller is known.</summary>
    public static WebApplication MapHubGrpc(this WebApplication app)
    {
        // After authorization: a caller without credentials hears UNAUTHENTICATED, whatever it sent.
        app.UseMiddleware<MalformedRequestMiddleware>(MalformedRequestMiddleware.RequestTypes(
            V1.DossierService.Descriptor, V1.RegistryService.Descriptor, V1.PaymentService.Descriptor, V1.AdminService.Descriptor, V1.AuditService.Descriptor, V1.InboxService.Descriptor,
            V1.ProcedureService.Descriptor));
        app.MapGrpcService<DossierGrpcService>();
        app.MapGrpcService<RegistryGrpcService>();
        app.MapGrpcService<PaymentGrpcService>();
        app.MapGrpcService<AdminGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<InboxGrpcService>();
        app.MapGrpcService<ProcedureGrpcService>();
        return app;
    }
}
