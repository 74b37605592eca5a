using Bunit;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class LobbyPanelTests : WebTestContext
{
    private static LobbyEntryDto Waiting(string id, string alias, string? state = "IL") =>
        new(id, alias, WireRoles.Patient, TestData.MondayEvening, state);

    [Fact]
    public void Says_when_nobody_waits()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);

        var cut = Render<LobbyPanel>(p => p.Add(c => c.Room, room));

        Assert.Equal("Waiting room (0)", cut.Find("h3").TextContent);
        Assert.Equal("Nobody is waiting.", cut.Find(".empty").TextContent);
    }

    [Fact]
    public void Admits_and_denies_one_by_one_with_the_attested_state_shown()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);
        room.Lobby = [Waiting("c0ffee000010", "Lantern"), Waiting("c0ffee000011", "Compass", state: null)];
        var cut = Render<LobbyPanel>(p => p.Add(c => c.Room, room));

        var entries = cut.FindAll("li.lobby-entry");
        Assert.EndsWith("· in IL", entries[0].QuerySelector(".muted")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("· in", entries[1].QuerySelector(".muted")!.TextContent, StringComparison.Ordinal);
        entries[0].QuerySelectorAll("button")[0].Click();
        cut.FindAll("li.lobby-entry")[1].QuerySelectorAll("button")[1].Click();

        Assert.Equal(["Admit(c0ffee000010)", "Deny(c0ffee000011)"], room.Calls);
    }

    [Fact]
    public void Admit_all_appears_when_more_than_one_waits()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);
        room.Lobby = [Waiting("c0ffee000010", "Lantern"), Waiting("c0ffee000011", "Compass")];
        var cut = Render<LobbyPanel>(p => p.Add(c => c.Room, room));

        cut.Find("button.admit-all").Click();

        Assert.Equal(["AdmitAll()"], room.Calls);
    }
}
