using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Procedures;

namespace IntegrationHub.Hub.Api.Procedures;

/// <summary>Writes a kept catalogue entry as the wire carries it.</summary>
public static class ProcedureAnswerWriter
{
    public static V1.Procedure ToMessage(CatalogProcedure procedure)
    {
        var details = procedure.Details;
        return new V1.Procedure
        {
            Code = procedure.Code,
            Name = procedure.Name,
            FieldCode = procedure.FieldCode,
            FieldName = procedure.FieldName,
            Agency = details.Agency ?? "",
            Levels = { details.Levels },
            Ways =
            {
                details.Ways.Select(w => new V1.ProcedureWay
                {
                    Channel = w.Channel,
                    Times =
                    {
                        w.Times.Select(t => new V1.ProcessingTime
                        {
                            Amount = (double)t.Amount, Unit = t.Unit, Description = t.Description ?? "",
                            Fees = { t.Fees.Select(f => new V1.ProcedureFee { Code = f.Code ?? "", Amount = (double)f.Amount, Unit = f.Unit ?? "", Description = f.Description ?? "" }) },
                        }),
                    },
                }),
            },
            Components =
            {
                details.Components.Select(c => new V1.ProcedureComponent
                {
                    Case = c.Case ?? "",
                    Documents =
                    {
                        c.Documents.Select(d => new V1.ProcedureDocument
                        {
                            Code = d.Code ?? "", Name = d.Name, Originals = d.Originals, Copies = d.Copies, ReplacedByResult = d.ReplacedByResult ?? "",
                        }),
                    },
                }),
            },
            Results = { details.Results.Select(r => new V1.ProcedureResult { Code = r.Code ?? "", Name = r.Name }) },
            RefreshedAt = Timestamp.FromDateTimeOffset(procedure.RefreshedAt),
        };
    }
}
