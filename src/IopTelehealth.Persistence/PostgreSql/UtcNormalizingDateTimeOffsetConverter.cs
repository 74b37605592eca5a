using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IopTelehealth.Persistence.PostgreSql;

/// <summary>
/// Npgsql writes a DateTimeOffset to timestamptz only when its offset is zero and throws otherwise, also for query
/// parameters. Instants reach us in local offsets (a clinic's "this week" bounds, a user's clock), and SQLite accepts
/// them, so without this the same code would fail on PostgreSQL alone. The instant is unchanged.
/// </summary>
public sealed class UtcNormalizingDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
