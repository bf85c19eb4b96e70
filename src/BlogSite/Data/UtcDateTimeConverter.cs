using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BlogSite.Data;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
