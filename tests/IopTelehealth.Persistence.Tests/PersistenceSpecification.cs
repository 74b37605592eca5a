using IopTelehealth.Persistence.Tests.Infrastructure;

namespace IopTelehealth.Persistence.Tests;

/// <summary>
/// What the server relies on from its database, written once and run on every provider
/// (<see cref="SqlitePersistenceTests"/>, <see cref="PostgreSqlPersistenceTests"/>). The tests of one class share a
/// migrated database and keep apart by using fresh ids; each part of the specification lives in its own file.
/// </summary>
public abstract partial class PersistenceSpecification(DatabaseFixture fixture)
{
    protected DatabaseFixture Fixture { get; } = fixture;

    protected TestDatabase Database => Fixture.Main;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
