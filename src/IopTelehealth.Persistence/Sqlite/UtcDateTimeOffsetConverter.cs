using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IopTelehealth.Persistence.Sqlite;

public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
