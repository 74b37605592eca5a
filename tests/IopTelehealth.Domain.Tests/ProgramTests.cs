using IopTelehealth.Domain.Clinics;

namespace IopTelehealth.Domain.Tests;

public class ProgramTests
{
    [Fact]
    public void Default_settings_follow_medicare_iop_and_h0015()
    {
        var program = new IopProgram(Guid.NewGuid(), Guid.NewGuid(), "Evening SUD IOP", new ProgramSettings());

        // 9 hours a week, 3 hours a day, groups of at most 12.
        Assert.Equal(540, program.RequiredMinutesPerWeek);
        Assert.Equal(180, program.MinimumMinutesPerDay);
        Assert.Equal(12, program.MaxGroupSize);
        Assert.Equal(10, program.LateArrivalMinutes);
        Assert.Equal(10, program.EarlyLeaveMinutes);
    }

    [Theory]
    [InlineData(59, 180, 12, 10, 10, "RequiredMinutesPerWeek")]
    [InlineData(2401, 180, 12, 10, 10, "RequiredMinutesPerWeek")]
    [InlineData(540, 14, 12, 10, 10, "MinimumMinutesPerDay")]
    [InlineData(540, 180, 1, 10, 10, "MaxGroupSize")]
    [InlineData(540, 180, 51, 10, 10, "MaxGroupSize")]
    [InlineData(540, 180, 12, -1, 10, "LateArrivalMinutes")]
    [InlineData(540, 180, 12, 10, 121, "EarlyLeaveMinutes")]
    public void Settings_out_of_range_name_the_field(int week, int day, int size, int late, int early, string field)
    {
        var settings = new ProgramSettings(week, day, size, late, early);

        var ex = Assert.Throws<DomainRuleException>(() => new IopProgram(Guid.NewGuid(), Guid.NewGuid(), "Evening SUD IOP", settings));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Apply_replaces_the_settings()
    {
        var program = new IopProgram(Guid.NewGuid(), Guid.NewGuid(), "Evening SUD IOP", new ProgramSettings());
        var partial = new ProgramSettings(MaxGroupSize: 8, LateArrivalMinutes: 5);

        program.Apply(partial);

        Assert.Equal(partial, program.Settings);
        Assert.Equal(8, program.MaxGroupSize);
    }

    [Fact]
    public void Name_is_required_and_trimmed()
    {
        Assert.Equal("Name", Assert.Throws<DomainRuleException>(() =>
            new IopProgram(Guid.NewGuid(), Guid.NewGuid(), "  ", new ProgramSettings())).Field);
        Assert.Equal("Day IOP", new IopProgram(Guid.NewGuid(), Guid.NewGuid(), " Day IOP ", new ProgramSettings()).Name);
    }
}
