using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Audit;

/// <summary>An agency write's exchange-log row, inserted in the write's own transaction (unchained: the chainer links it).</summary>
public sealed record AgencyWriteEntry(
    DateTimeOffset RecordedAt, string Operation, string? DossierCode, string? ClientId, string RequestDigest, string ResponseDigest, long DurationUs)
{
    public long Id { get; private set; }
    public ExchangeKind Kind { get; private set; } = ExchangeKind.AgencyWrite;
    public string Target { get; private set; } = ExchangeRecord.HubTarget;
    public Guid[] DossierIds { get; private set; } = [];
    public string Outcome { get; private set; } = "OK";
}

public sealed class AgencyWriteEntryConfiguration : IEntityTypeConfiguration<AgencyWriteEntry>
{
    public void Configure(EntityTypeBuilder<AgencyWriteEntry> entry)
    {
        entry.ToTable("exchange_log").HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.Kind).HasConversion<short>();
        entry.PrimitiveCollection(e => e.DossierIds).Metadata.SetValueComparer(SequenceComparers.Array<Guid>());
    }
}
