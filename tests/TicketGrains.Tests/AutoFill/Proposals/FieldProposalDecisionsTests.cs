using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Proposals;

/// <summary>Fill or propose, accept and reject, as decided on a ticket's state and folded back into it.</summary>
public sealed class FieldProposalDecisionsTests
{
    private static readonly DateTimeOffset Now = TicketStates.T0.AddMinutes(5);
    private static readonly Guid Shot = Guid.Parse("0193a4c2-0000-7000-8000-00000000a001");

    [Fact]
    public void A_sure_value_fills_an_empty_field_and_others_are_proposed_once_per_name()
    {
        var state = TicketStates.Created().With(new FieldsChanged(new Dictionary<string, string> { ["phone"] = "13900000000" }, "trigger:r1", Now));

        var decided = FieldProposalDecisions.Record(state, Reading(2,
            Field("orderNo", "3456789012345678901", 0.95, "ocr"), Field("amount", "128.50", 0.6, "ocr"), Field("amount", "12.00", 0.5, "ocr"),
            Field("phone", "13812345678", 0.95, "ocr"), Field("colour", "red", 1, "ocr")), Now);

        Assert.NotNull(decided);
        Assert.Equal(
            [new FieldFinding("orderNo", "3456789012345678901", 0.95, "ocr", Shot, true), new FieldFinding("amount", "128.50", 0.6, "ocr", Shot, false),
             new FieldFinding("phone", "13812345678", 0.95, "ocr", Shot, false)], decided.Fields);
        var view = state.With(decided).ToView("shop-1");
        Assert.Equal(("3456789012345678901", "ocr"), (view.Fields["orderNo"], view.FieldSources["orderNo"]));
        Assert.Equal(["amount", "phone"], view.ProposedFields.Select(p => p.Name));
    }

    [Fact]
    public void A_reading_recorded_already_a_value_the_ticket_holds_and_a_less_sure_proposal_change_nothing()
    {
        var state = TicketStates.Created();
        state.Apply(FieldProposalDecisions.Record(state, Reading(2, Field("orderNo", "A1", 0.95, "text"), Field("amount", "9.00", 0.6, "text")), Now)!);

        Assert.Null(FieldProposalDecisions.Record(state, Reading(2, Field("amount", "7.00", 0.7, "text")), Now));
        Assert.Null(FieldProposalDecisions.Record(state, Reading(3, Field("orderNo", "A1", 0.99, "ocr"), Field("amount", "8.00", 0.5, "ocr")), Now));
        var surer = FieldProposalDecisions.Record(state, Reading(4, Field("amount", "8.00", 0.7, "ocr")), Now);
        Assert.Equal("8.00", state.With(surer!).ProposedFields.Single().Value);
    }

    [Fact]
    public void A_value_the_creator_gave_is_not_recorded_again_when_the_text_repeats_it()
    {
        var state = new TicketState();
        state.Apply(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command() with { Fields = new Dictionary<string, string> { ["orderNo"] = "A1" } }, TicketStates.T0));

        Assert.Null(FieldProposalDecisions.Record(state, Reading(1, Field("orderNo", "A1", 0.95, "text")), Now));
        var other = FieldProposalDecisions.Record(state, Reading(1, Field("orderNo", "B2", 0.95, "text")), Now);
        Assert.Equal([new FieldFinding("orderNo", "B2", 0.95, "text", Shot, false)], other!.Fields);
    }

    [Fact]
    public void A_value_the_ticket_got_without_a_source_records_where_it_was_read_once()
    {
        var state = TicketStates.Created().With(new FieldsChanged(new Dictionary<string, string> { ["orderNo"] = "A1" }, "trigger:r1", Now));

        var decided = FieldProposalDecisions.Record(state, Reading(2, Field("orderNo", "A1", 0.8, "speech")), Now);

        Assert.Equal([new FieldFinding("orderNo", "A1", 0.8, "speech", Shot, true)], decided!.Fields);
        Assert.Equal("speech", state.With(decided).FieldSources["orderNo"]);
        Assert.Null(FieldProposalDecisions.Record(state, Reading(3, Field("orderNo", "A1", 0.95, "ocr")), Now));
    }

    [Fact]
    public void Accepting_sets_the_field_with_its_source_or_the_agents_and_rejecting_drops_the_proposal()
    {
        var state = TicketStates.Created();
        state.Apply(FieldProposalDecisions.Record(state, Reading(2, Field("orderNo", "A1", 0.5, "speech"), Field("phone", "13812345678", 0.5, "text")), Now)!);

        state.Apply(FieldProposalDecisions.Accept(state, "orderNo", null, "agent-1", Now));
        state.Apply(FieldProposalDecisions.Accept(state, "phone", "13811112222", "agent-1", Now));

        Assert.Equal(("A1", "speech", "13811112222", "agent"), (state.Fields["orderNo"], state.FieldSources["orderNo"], state.Fields["phone"], state.FieldSources["phone"]));
        Assert.Empty(state.ProposedFields);
        state.Apply(FieldProposalDecisions.Record(state, Reading(3, Field("amount", "1.00", 0.5, "text")), Now)!);
        state.Apply(FieldProposalDecisions.Reject(state, "amount", "agent-1", Now));
        Assert.Equal((false, 0), (state.Fields.ContainsKey("amount"), state.ProposedFields.Count));
        Assert.Equal("name", Assert.Throws<InvalidFieldException>(() => FieldProposalDecisions.Reject(state, "amount", "agent-1", Now)).Field);
        Assert.Equal("name", Assert.Throws<InvalidFieldException>(() => FieldProposalDecisions.Accept(state, "colour", null, "agent-1", Now)).Field);
    }

    [Fact]
    public void Read_values_are_sealed_in_the_event_and_the_snapshot_and_a_rule_that_sets_a_field_drops_its_source()
    {
        var state = TicketStates.Created();
        var proposed = FieldProposalDecisions.Record(state, Reading(2, Field("phone", "13812345678", 0.95, "ocr"), Field("address", "浙江省杭州市西湖区文三路90号", 0.5, "ocr")), Now)!;

        var sealedEvent = EventSerializer.Serialize(EventProtection.Map(proposed, v => "sealed:" + v.Length));
        state.Apply(proposed);
        var snapshot = new TicketState { ProposedFields = [.. state.ProposedFields], Fields = new(state.Fields) };
        TicketStateProtection.Map(snapshot, v => "sealed");

        Assert.DoesNotContain("13812345678", sealedEvent, StringComparison.Ordinal);
        Assert.DoesNotContain("文三路", sealedEvent, StringComparison.Ordinal);
        Assert.Equal(["sealed"], snapshot.ProposedFields.Select(p => p.Value));
        state.Apply(new FieldsChanged(new Dictionary<string, string> { ["phone"] = "13900000000" }, "trigger:r1", Now));
        Assert.False(state.FieldSources.ContainsKey("phone"));
    }

    private static FieldReading Reading(int version, params ProposedFieldView[] fields) => new(version, fields, 0.8);

    private static ProposedFieldView Field(string name, string value, double confidence, string source) => new(name, value, confidence, source, Shot);
}
