namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>A procedure as DVCQG's catalogue describes it (LayThuTuc; research notes §1.10), in the hub's terms.</summary>
/// <param name="Levels">CAPTHUCHIEN: the levels of government that carry it out.</param>
public sealed record ProcedureDetails(
    string Code, string Name, string FieldCode, string FieldName, string? Agency, IReadOnlyList<string> Levels,
    IReadOnlyList<ProcedureWay> Ways, IReadOnlyList<ProcedureComponent> Components, IReadOnlyList<ProcedureResult> Results);

/// <summary>CACHTHUCTHUCHIEN: one way of filing and its processing times.</summary>
/// <param name="Channel">KENH: 1 at the counter, 2 online, 3 by post.</param>
public sealed record ProcedureWay(int Channel, IReadOnlyList<ProcessingTime> Times);

/// <summary>THOIGIAN: how long the procedure takes by this way, and what it costs.</summary>
/// <param name="Unit">DONVITINH as the catalogue writes it ("Ngày làm việc", "Ngày", "Giờ"...).</param>
public sealed record ProcessingTime(decimal Amount, string Unit, string? Description, IReadOnlyList<ProcedureFee> Fees);

public sealed record ProcedureFee(string? Code, decimal Amount, string? Unit, string? Description);

/// <summary>THANHPHANHOSO: the papers of one case (TRUONGHOP).</summary>
public sealed record ProcedureComponent(string? Case, IReadOnlyList<ProcedureDocument> Documents);

public sealed record ProcedureDocument(string? Code, string Name, int Originals, int Copies, string? ReplacedByResult);

/// <summary>KETQUATHUCHIEN: a result the procedure issues.</summary>
public sealed record ProcedureResult(string? Code, string Name);

/// <summary>Procedure codes: national (1.001234), or local, with the publishing agency after it (1.003560.000.00.00.H56).</summary>
public static class ProcedureCodes
{
    /// <summary>The national code a local code extends (the first two parts); a national code as it is.</summary>
    public static string National(string code)
    {
        var first = code.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : code.IndexOf('.', first + 1);
        return second < 0 ? code : code[..second];
    }
}
