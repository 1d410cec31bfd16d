namespace IntegrationHub.Hub.Idempotency;

/// <summary>
/// What must be committed with every write that changes something: the writer hands it each answer
/// before saving and saves the row it gives in the same transaction, and tells it when that committed.
/// </summary>
public interface IWriteJournal
{
    /// <param name="subject">What the write was about (<see cref="IWriteSubject"/>), when the answer says.</param>
    /// <param name="answer">The answer as stored for repeats.</param>
    /// <returns>The new row that records the write, or null when there is none to record.</returns>
    object? Entry(string operation, string? subject, string answer);

    void Committed();
}

/// <summary>An answer that names what its write was about, such as a dossier's code.</summary>
public interface IWriteSubject
{
    string Subject { get; }
}
