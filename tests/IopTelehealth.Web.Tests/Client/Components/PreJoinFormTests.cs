using Bunit;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Client.Media;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class PreJoinFormTests : WebTestContext
{
    private readonly List<AttestationDto?> _joins = [];

    public PreJoinFormTests() => JSInterop.SetUpMedia();

    private IRenderedComponent<PreJoinForm> RenderForm(PreJoinDto session) =>
        Render<PreJoinForm>(p => p.Add(c => c.Session, session).Add(c => c.Choices, new MediaChoices()).Add(c => c.OnJoin, (AttestationDto? a) => _joins.Add(a)));

    [Fact]
    public void Shows_the_session_and_the_alias_the_group_will_see()
    {
        var cut = RenderForm(TestRooms.PatientPreJoin());

        Assert.Equal("Tuesday-Thursday Evening Group", cut.Find("h1").TextContent);
        Assert.Equal("Open practice room", cut.Find(".topic").TextContent);
        Assert.Contains("Oak", cut.Find("strong").TextContent, StringComparison.Ordinal);
        Assert.Equal(57, cut.FindAll("#state option").Count);
    }

    [Fact]
    public void An_empty_form_names_every_missing_answer_and_does_not_join()
    {
        var cut = RenderForm(TestRooms.PatientPreJoin());

        cut.Find("form").Submit();

        Assert.Empty(_joins);
        cut.Find("#location-error").MarkupMatches("""<span id="location-error" class="validation-message">Tell us where you are, for example "home, Evanston".</span>""");
        Assert.Equal("Choose the state you are in right now.", cut.Find("#state-error").TextContent);
        Assert.Contains("Group sessions need a private space", cut.Find("#private-space-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("#location").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_complete_form_joins_with_the_trimmed_attestation()
    {
        var cut = RenderForm(TestRooms.PatientPreJoin());

        cut.Find("#location").Change("  Home, Evanston ");
        cut.Find("#state").Change("IL");
        cut.Find("#private-space").Change(true);
        cut.Find("form").Submit();

        var attestation = Assert.Single(_joins);
        Assert.Equal(new AttestationDto("Home, Evanston", "IL", true, null), attestation);
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Fact]
    public void No_consent_is_asked_when_the_patient_has_accepted_the_current_version()
    {
        var cut = RenderForm(TestRooms.PatientPreJoin(consentRequired: false));

        Assert.Empty(cut.FindAll("#consent"));
        Assert.Empty(cut.FindAll(".consent"));
    }

    [Fact]
    public void A_required_consent_is_shown_and_must_be_accepted()
    {
        var cut = RenderForm(TestRooms.PatientPreJoin(consentRequired: true));
        cut.Find("#location").Change("Home");
        cut.Find("#state").Change("IL");
        cut.Find("#private-space").Change(true);

        cut.Find("form").Submit();

        Assert.Equal(TestRooms.ConsentText, cut.Find(".consent").TextContent);
        Assert.Equal("Please accept the telehealth consent to join.", cut.Find("#consent-error").TextContent);
        Assert.Empty(_joins);

        cut.Find("#consent").Change(true);
        cut.Find("form").Submit();

        Assert.Equal("2026-01", Assert.Single(_joins)!.AcceptedConsentVersion);
    }

    [Fact]
    public void Staff_join_without_attesting()
    {
        var cut = RenderForm(TestRooms.TherapistPreJoin());

        Assert.Empty(cut.FindAll("form"));
        Assert.Contains("Dr. Taylor Reed", cut.Markup, StringComparison.Ordinal);
        cut.Find("button").Click();

        Assert.Null(Assert.Single(_joins));
    }

    [Fact]
    public void A_refused_join_is_shown_above_the_button()
    {
        var cut = Render<PreJoinForm>(p => p.Add(c => c.Session, TestRooms.PatientPreJoin()).Add(c => c.Choices, new MediaChoices()).Add(c => c.Problem, "Please read and accept the telehealth consent before joining."));

        Assert.Equal("Please read and accept the telehealth consent before joining.", cut.Find("[role=alert]").TextContent);
    }
}
