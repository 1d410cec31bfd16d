using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Api;

/// <summary>
/// Keeps each agency client to its write rate (a token bucket per client): a write over the limit gets
/// RESOURCE_EXHAUSTED with when to retry, in words and in the <c>grpc-retry-pushback-ms</c> trailer that
/// gRPC clients' retry policies honour. Writes are the calls that carry a request_id; reads are not limited.
/// </summary>
public sealed class WriteRateLimitInterceptor : Interceptor, IDisposable
{
    private const string RetryPushbackTrailer = "grpc-retry-pushback-ms";
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly WriteRateOptions _options;

    public WriteRateLimitInterceptor(IOptions<WriteRateOptions> options)
    {
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, id =>
        {
            var (perSecond, burst) = Rate(id);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, burst),
                TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perSecond * Period.TotalSeconds)),
                ReplenishmentPeriod = ReplenishmentPeriod(perSecond),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        }));
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (WriteCalls.IsWrite(request) && context.GetHttpContext().User.FindFirstValue(ClaimTypes.NameIdentifier) is { } client)
        {
            using var lease = _limiter.AttemptAcquire(client);
            if (!lease.IsAcquired)
            {
                // The bucket refills on a timer whose phase it does not count: one more period makes the hint hold.
                var period = ReplenishmentPeriod(Rate(client).PerSecond);
                var retryAfter = (lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.Zero) + period;
                var milliseconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
                throw new RpcException(
                    new Status(StatusCode.ResourceExhausted, $"client {client} is over its write limit; retry after {milliseconds} ms"),
                    new Metadata { { RetryPushbackTrailer, milliseconds } });
            }
        }
        return continuation(request, context);
    }

    public void Dispose() => _limiter.Dispose();

    private (int PerSecond, int Burst) Rate(string client) =>
        _options.Clients.TryGetValue(client, out var own) ? (Math.Max(1, own.WritesPerSecond), own.Burst) : (Math.Max(1, _options.WritesPerSecond), _options.Burst);

    // Tokens are added every 100 ms, or one at a time when fewer than 10 a second are allowed.
    private static TimeSpan ReplenishmentPeriod(int perSecond) => perSecond * Period.TotalSeconds >= 1 ? Period : TimeSpan.FromSeconds(1.0 / perSecond);
}
