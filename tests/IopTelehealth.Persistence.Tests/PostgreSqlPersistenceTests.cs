using IopTelehealth.Persistence.Tests.Infrastructure;

namespace IopTelehealth.Persistence.Tests;

public sealed class PostgreSqlPersistenceTests(PostgreSqlDatabaseFixture fixture)
    : PersistenceSpecification(fixture), IClassFixture<PostgreSqlDatabaseFixture>;
