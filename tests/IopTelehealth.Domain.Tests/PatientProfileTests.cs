using IopTelehealth.Domain.People;

namespace IopTelehealth.Domain.Tests;

public class PatientProfileTests
{
    private static readonly EmergencyContact Contact = new("Sam Rivera", "+1 312 555 0100");

    [Theory]
    [InlineData("Jordan Lee", "Jordan Lee")]
    [InlineData("Jordan Lee", "jordan lee")]
    [InlineData("Jordan Lee", "  JORDAN LEE  ")]
    public void Alias_equal_to_the_legal_name_is_rejected(string legalName, string alias)
    {
        // Peers see only the alias, so an alias that is the legal name would disclose PHI to the group.
        var ex = Assert.Throws<DomainRuleException>(() => Create(legalName, alias));

        Assert.Equal("DisplayAlias", ex.Field);
    }

    [Fact]
    public void A_distinct_alias_is_accepted_and_trimmed()
    {
        var profile = Create(" Jordan Lee ", " JL ");

        Assert.Equal("Jordan Lee", profile.LegalName);
        Assert.Equal("JL", profile.DisplayAlias);
        Assert.Equal(Contact, profile.EmergencyContact);
    }

    [Fact]
    public void Alias_longer_than_40_characters_is_rejected()
    {
        Assert.Equal("DisplayAlias", Assert.Throws<DomainRuleException>(() => Create("Jordan Lee", new string('a', 41))).Field);
        Assert.Equal(40, Create("Jordan Lee", new string('a', 40)).DisplayAlias.Length);
    }

    [Theory]
    [InlineData("", "JL", "LegalName")]
    [InlineData("Jordan Lee", " ", "DisplayAlias")]
    public void Names_are_required(string legalName, string alias, string field)
    {
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => Create(legalName, alias)).Field);
    }

    [Fact]
    public void Emergency_contact_needs_a_name_and_a_phone()
    {
        var noPhone = Assert.Throws<DomainRuleException>(() =>
            new PatientProfile(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Jordan Lee", "JL", new EmergencyContact("Sam", "")));

        Assert.Equal("EmergencyContactPhone", noPhone.Field);
    }

    [Fact]
    public void Update_that_makes_alias_equal_to_name_is_rejected()
    {
        var profile = Create("Jordan Lee", "JL");

        Assert.Throws<DomainRuleException>(() => profile.Update("JL", "JL", Contact));
    }

    private static PatientProfile Create(string legalName, string alias) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), legalName, alias, Contact);
}
