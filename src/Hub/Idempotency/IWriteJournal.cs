namespace IntegrationHub.Hub.Idempotency;

/// <summary>
/// What must be committed with every write that changes something: the writer hands it each answer
/// before saving, so that what it adds is in the same transaction, and tells it when that committed.
/// </summary>
public interface IWriteJournal
{
    /// <param name="subject">What the write was about (<see cref="IWriteSubject"/>), when the answer says.</param>
    /// <param name="answer">The answer as stored for repeats.</param>
    void Add(string operation, string? subject, string answer);

    void Committed();
}

/// <summary>An answer that names what its write was about, such as a dossier's code.</summary>
public interface IWriteSubject
{
    string Subject { get; }
}
