using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// The copy serves only entity types whose rows it stores as EF Core would; the others must be left to EF Core
/// (<see cref="CopyPlan.For"/> null), or their rows would lose what EF Core adds or splits.
/// </summary>
public sealed class CopyPlanTests
{
    public static TheoryData<string, Type, bool> Types => new()
    {
        { "a table of its own, a complex property, a converted value, an identity", typeof(Plain), true },
        { "owning an owned type", typeof(Owner), false },
        { "with a shadow property", typeof(WithShadow), false },
        { "with a computed column", typeof(WithComputed), false },
        { "sharing its table with another type", typeof(SplitHead), false },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Only_types_stored_as_EF_Core_would_store_them_are_copied(string kind, Type type, bool copied)
    {
        using var db = new Models(new DbContextOptionsBuilder<Models>().UseNpgsql("Host=unused").Options);

        Assert.True(copied == CopyPlan.For(db.Model.FindEntityType(type)!) is not null, $"{kind}: copied should be {copied}");
    }

    private sealed class Models(DbContextOptions<Models> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model)
        {
            model.Entity<Plain>(plain =>
            {
                plain.Property(p => p.Id).UseIdentityByDefaultColumn();
                plain.ComplexProperty(p => p.Place);
                plain.Property(p => p.Kind).HasConversion<short>();
            });
            model.Entity<Owner>().OwnsOne(o => o.Place);
            model.Entity<WithShadow>().Property<string>("Note");
            model.Entity<WithComputed>().Property(w => w.Total).HasComputedColumnSql("1 + 1", stored: true);
            model.Entity<SplitHead>(head =>
            {
                head.ToTable("split");
                head.HasOne(h => h.Tail).WithOne().HasForeignKey<SplitTail>(t => t.Id);
            });
            model.Entity<SplitTail>().ToTable("split");
        }
    }

    private sealed class Plain
    {
        public long Id { get; set; }
        public Place Place { get; set; } = new();
        public DayOfWeek Kind { get; set; }
    }

    private sealed class Place
    {
        public string Street { get; set; } = "";
    }

    private sealed class Owner
    {
        public Guid Id { get; set; }
        public Place Place { get; set; } = new();
    }

    private sealed class WithShadow
    {
        public Guid Id { get; set; }
    }

    private sealed class WithComputed
    {
        public Guid Id { get; set; }
        public int Total { get; set; }
    }

    private sealed class SplitHead
    {
        public Guid Id { get; set; }
        public SplitTail Tail { get; set; } = null!;
    }

    private sealed class SplitTail
    {
        public Guid Id { get; set; }
        public string Text { get; set; } = "";
    }
}
