using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class ParticipantListTests : WebTestContext
{
    private static IReadOnlyList<string> Badges(IRenderedComponent<ParticipantList> cut, string id) =>
        [.. cut.Find($"li[data-participant-id='{id}']").QuerySelectorAll(".badge").Select(b => b.TextContent)];

    [Fact]
    public void Lists_everyone_by_alias_with_a_count()
    {
        var room = TestRooms.Admitted();

        var cut = Render<ParticipantList>(p => p.Add(c => c.Room, room));

        Assert.Equal("In the room (3)", cut.Find("h2").TextContent);
        Assert.Equal(["Dr. Taylor Reed", "Oak", "River"], cut.FindAll(".participant .name").Select(n => n.TextContent));
    }

    [Fact]
    public void Marks_self_the_therapist_and_microphones()
    {
        var room = TestRooms.Admitted();

        var cut = Render<ParticipantList>(p => p.Add(c => c.Room, room));

        Assert.Equal(["Therapist"], Badges(cut, TestRooms.TherapistId));
        Assert.Equal(["You", "Mic off"], Badges(cut, TestRooms.SelfId));
    }

    [Fact]
    public void Shows_hand_hard_mute_spotlight_and_reconnecting_badges()
    {
        var room = TestRooms.Admitted(extra: TestRooms.Patient(TestRooms.CompassId, "Compass", hardMuted: true, hand: true, connected: false));
        room.Room = TestRooms.Info(spotlight: TestRooms.CompassId);

        var cut = Render<ParticipantList>(p => p.Add(c => c.Room, room));

        cut.Find($"li[data-participant-id='{TestRooms.CompassId}']").MarkupMatches($"""
            <li class="participant" data-participant-id="{TestRooms.CompassId}">
                <span class="name">Compass</span>
                <span class="badge spotlight">Spotlight</span>
                <span class="badge hand">Hand raised</span>
                <span class="badge hard-muted">Muted by therapist</span>
                <span class="badge reconnecting">Reconnecting</span>
            </li>
            """);
    }

    [Fact]
    public void A_patient_with_the_microphone_on_has_no_mute_badge()
    {
        var room = TestRooms.Admitted(extra: TestRooms.Patient(TestRooms.CompassId, "Compass", audio: true));

        var cut = Render<ParticipantList>(p => p.Add(c => c.Room, room));

        Assert.Empty(Badges(cut, TestRooms.CompassId));
    }

    [Fact]
    public void A_patient_checked_in_at_the_clinic_is_counted_and_badged_in_clinic_without_a_microphone_badge()
    {
        var room = TestRooms.Admitted(extra: TestRooms.Patient(TestRooms.CompassId, "Compass", inClinic: true));

        var cut = Render<ParticipantList>(p => p.Add(c => c.Room, room));

        Assert.Equal("In the room (4)", cut.Find("h2").TextContent);
        Assert.Equal(["In clinic"], Badges(cut, TestRooms.CompassId));
        Assert.Equal(["You", "Mic off"], Badges(cut, TestRooms.SelfId));
    }
}
