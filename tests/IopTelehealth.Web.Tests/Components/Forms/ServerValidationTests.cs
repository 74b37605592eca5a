using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Components.Forms;
using Microsoft.AspNetCore.Components.Forms;

namespace IopTelehealth.Web.Tests.Components.Forms;

public sealed class ServerValidationTests
{
    private readonly ProgramInput _input = new();
    private readonly EditContext _context;
    private readonly ServerValidation _validation;

    public ServerValidationTests()
    {
        _context = new EditContext(_input);
        _validation = new ServerValidation(_context);
    }

    [Fact]
    public void Ok_is_accepted_and_leaves_no_messages()
    {
        var accepted = _validation.Accept(ApiResult<ProgramDto>.Ok(new ProgramDto(Guid.NewGuid(), "x", 9, 180, 12, 10, 10)));

        Assert.True(accepted);
        Assert.Empty(_context.GetValidationMessages());
        Assert.Empty(_validation.General);
    }

    [Fact]
    public void Field_errors_go_to_their_field_matched_case_insensitively()
    {
        var accepted = _validation.Accept(ApiResult<ProgramDto>.Invalid("name", "Taken."));

        Assert.False(accepted);
        Assert.Equal(["Taken."], _context.GetValidationMessages(_context.Field(nameof(ProgramInput.Name))));
        Assert.Empty(_validation.General);
    }

    [Fact]
    public void Errors_of_unknown_fields_and_conflicts_become_general_messages()
    {
        _validation.Accept(ApiResult<ProgramDto>.Invalid(new Dictionary<string, string[]> { ["RequiredMinutesPerWeek"] = ["Too many hours."] }));
        Assert.Equal(["Too many hours."], _validation.General);

        _validation.Accept(ApiResult<ProgramDto>.Conflict("The program has groups."));
        Assert.Equal(["The program has groups."], _validation.General);
    }

    [Fact]
    public void A_new_validation_clears_stale_server_messages_so_the_form_can_be_sent_again()
    {
        _input.Name = "Evening";
        _validation.Accept(ApiResult<ProgramDto>.Invalid("Name", "Taken."));

        var valid = _context.Validate();

        Assert.True(valid);
        Assert.Empty(_context.GetValidationMessages());
    }

    [Fact]
    public void Editing_a_field_clears_only_that_fields_server_message()
    {
        _validation.Accept(ApiResult<ProgramDto>.Invalid(new Dictionary<string, string[]> { ["Name"] = ["Taken."], ["MaxGroupSize"] = ["Too big."] }));

        _context.NotifyFieldChanged(_context.Field(nameof(ProgramInput.Name)));

        Assert.Empty(_context.GetValidationMessages(_context.Field(nameof(ProgramInput.Name))));
        Assert.Equal(["Too big."], _context.GetValidationMessages(_context.Field(nameof(ProgramInput.MaxGroupSize))));
    }
}
