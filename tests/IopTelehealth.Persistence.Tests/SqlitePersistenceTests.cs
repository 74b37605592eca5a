using IopTelehealth.Persistence.Tests.Infrastructure;

namespace IopTelehealth.Persistence.Tests;

public sealed class SqlitePersistenceTests(SqliteDatabaseFixture fixture)
    : PersistenceSpecification(fixture), IClassFixture<SqliteDatabaseFixture>;
