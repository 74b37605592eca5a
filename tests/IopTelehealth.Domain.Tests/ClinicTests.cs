using IopTelehealth.Domain.Clinics;

namespace IopTelehealth.Domain.Tests;

public class ClinicTests
{
    [Theory]
    [InlineData("Central Standard Time")]
    [InlineData("Not/AZone")]
    public void Clinic_time_zone_must_be_an_iana_id(string zone)
    {
        var ex = Assert.Throws<DomainRuleException>(() => new Clinic(Guid.NewGuid(), "Lakeside Recovery", zone));

        Assert.Equal("TimeZoneId", ex.Field);
    }

    [Fact]
    public void Clinic_resolves_its_zone()
    {
        var clinic = new Clinic(Guid.NewGuid(), "Lakeside Recovery", " America/Chicago ");

        Assert.Equal("America/Chicago", clinic.TimeZoneId);
        Assert.Equal("America/Chicago", clinic.TimeZone.Id);
    }
}
