using IntegrationHub.Hub.Requests;
using System.Text.Json;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntegrationHub.Hub.Idempotency;

/// <summary>
/// Runs a write so that a repeated request returns the first answer and changes nothing: the answer
/// is stored in the same transaction as the change, with what the journal keeps of it (a transaction it may
/// share with other writes: <see cref="CommitCoalescer"/>). Also retries a
/// write that lost an optimistic concurrency race on the same dossier.
/// </summary>
public sealed class IdempotentWriter(HubDbContext db, IdempotencyLookups lookups, CommitCoalescer commits, IWriteJournal journal, TimeProvider clock)
{
    private const int ConcurrencyAttempts = 5;

    private readonly List<object> _inserts = [];

    /// <summary>
    /// Adds new rows to the write being run, saved in its transaction as if added to <see cref="HubDbContext"/>, but
    /// without EF Core's tracking of them (<see cref="CommitCoalescer.SaveAsync"/>). Their values are read when saved.
    /// </summary>
    public void Insert(params IEnumerable<object> rows) => _inserts.AddRange(rows);

    /// <param name="write">
    /// Adds the change to <see cref="HubDbContext"/> or by <see cref="Insert"/> (without saving) and returns the answer.
    /// A change that only adds rows may be copied rather than saved by EF Core: keys the database generates
    /// (identities) are then not set on its entities after the save (the answer, made before it, never names one).
    /// </param>
    /// <returns>The answer, and whether this call made the change (false: a repeat answered from the first).</returns>
    public async Task<(T Answer, bool Changed)> RunAsync<T>(WriteRequest request, string operation, Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync<T>(request, operation, cancellationToken) is { } earlier)
            {
                return (earlier, false);
            }
            _inserts.Clear();
            var answer = await write(cancellationToken);
            var stored = JsonSerializer.Serialize(answer, JsonSerializerOptions.Web);
            _inserts.Add(new IdempotencyRecord(request.ClientId, request.RequestId, operation, request.Fingerprint, stored, clock.GetUtcNow()));
            if (journal.Entry(operation, (answer as IWriteSubject)?.Subject, stored) is { } entry)
            {
                _inserts.Add(entry);
            }
            try
            {
                await commits.SaveAsync(db, _inserts, cancellationToken);
                journal.Committed();
                return (answer, true);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyAttempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
                // The same request may have won the race on another connection; otherwise the write's own
                // uniqueness was broken, for its owner to say what that means.
                if (await FindAsync<T>(request, operation, cancellationToken) is { } concurrent)
                {
                    return (concurrent, false);
                }
                throw;
            }
        }
    }

    private async Task<T?> FindAsync<T>(WriteRequest request, string operation, CancellationToken cancellationToken)
    {
        if (await lookups.FindAsync(request.ClientId, request.RequestId, cancellationToken) is not { } record)
        {
            return default;
        }
        if (record.Operation != operation || !record.Fingerprint.AsSpan().SequenceEqual(request.Fingerprint))
        {
            throw new InvalidFieldException("request_id", "was already used for a different request");
        }
        return JsonSerializer.Deserialize<T>(record.Response, JsonSerializerOptions.Web);
    }
}
