using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// Seals written outside the database, one JSON line each, appended and flushed to disk before the seal
/// is stored in the database: someone who deletes or rewrites seals in the database cannot reach these.
/// </summary>
public sealed class SealAnchorFile(IOptions<AuditOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web);
    private readonly SemaphoreSlim _appending = new(1, 1);

    public string Path => System.IO.Path.GetFullPath(options.Value.AnchorFile);

    public async Task AppendAsync(Seal seal, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(seal, Json);
        await _appending.WaitAsync(cancellationToken);
        try
        {
            await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await file.WriteAsync(line, cancellationToken);
            file.WriteByte((byte)'\n');
            file.Flush(flushToDisk: true);
        }
        finally
        {
            _appending.Release();
        }
    }

    /// <summary>Every anchored seal, oldest first; none when the file does not exist yet.</summary>
    /// <exception cref="InvalidDataException">A line is not a seal.</exception>
    public async Task<IReadOnlyList<Seal>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }
        var seals = new List<Seal>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            try
            {
                seals.Add(JsonSerializer.Deserialize<Seal>(line, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException)
            {
                throw new InvalidDataException($"line {number} of the anchor file {Path} is not a seal");
            }
        }
        return seals;
    }
}
