package dev.assay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiversTest {

  @TempDir Path dir;

  private Path write(String... lines) throws IOException {
    return Files.writeString(dir.resolve("waivers.yaml"), String.join("\n", lines) + "\n");
  }

  @Test
  void readsEveryKeyOfAWaiver() throws IOException {
    Path file =
        write(
            "waivers:",
            "  - rule: eeoc-four-fifths",
            "    attribute: race",
            "    group: Other",
            "    column: age",
            "    reason: \"legacy model\"",
            "    approved_by: Jane Roe",
            "    expires: 2027-06-30",
            "  - rule: psi",
            "    reason: r",
            "    approved_by: a",
            "    expires: '2026-01-31'");
    Waivers waivers = Waivers.load(file);
    assertEquals(file.toString(), waivers.source());
    assertEquals(
        List.of(
            new Waiver(
                "eeoc-four-fifths",
                "race",
                "Other",
                "age",
                "legacy model",
                "Jane Roe",
                LocalDate.of(2027, 6, 30),
                file.toString(),
                2),
            new Waiver(
                "psi", null, null, null, "r", "a", LocalDate.of(2026, 1, 31), file.toString(), 9)),
        waivers.entries());
  }

  @Test
  void expiryDayItselfIsStillValid() {
    Waiver w = new Waiver("r", null, null, null, "x", "y", LocalDate.of(2026, 1, 31), "w.yaml", 2);
    assertEquals(true, w.isValidOn(LocalDate.of(2026, 1, 31)));
    assertEquals(false, w.isValidOn(LocalDate.of(2026, 2, 1)));
  }

  @Test
  void badDatesUnknownKeysAndMissingFieldsAreAllReportedWithLines() throws IOException {
    Path file =
        write(
            "waivers:",
            "  - rule: eeoc-four-fifths",
            "    attribute: race",
            "    reason: \"legacy model\"",
            "    approved_by: Jane Roe",
            "    expires: 30.06.2027",
            "  - rule: psi",
            "    atribute: race",
            "    expires: 2027-02-30");
    BadInputException e = assertThrows(BadInputException.class, () -> Waivers.load(file));
    String f = file.toString();
    assertEquals(
        "invalid waivers file "
            + f
            + " (5 problems); fix them and check with `assay rules "
            + "validate`:\n"
            + "  "
            + f
            + ":6: rule eeoc-four-fifths: expires: '30.06.2027' is not a date; write the last "
            + "day the waiver applies as YYYY-MM-DD, such as 2027-06-30\n"
            + "  "
            + f
            + ":7: rule psi: missing required key 'reason'; say why the failure is accepted\n"
            + "  "
            + f
            + ":7: rule psi: missing required key 'approved_by'; name who approved the "
            + "waiver\n"
            + "  "
            + f
            + ":8: rule psi: unknown key 'atribute' in a waiver; did you mean 'attribute'? "
            + "The keys allowed here are: rule, attribute, group, column, class, reason, approved_by, expires. "
            + "Fix the spelling or remove the key.\n"
            + "  "
            + f
            + ":9: rule psi: expires: '2027-02-30' is not a date; write the last day the "
            + "waiver applies as YYYY-MM-DD, such as 2027-06-30",
        e.getMessage());
  }

  @Test
  void fileWithoutWaiversKeyIsRejected() throws IOException {
    Path file = write("waiver:", "  - rule: x");
    BadInputException e = assertThrows(BadInputException.class, () -> Waivers.load(file));
    assertEquals(
        "invalid waivers file "
            + file
            + " (2 problems); fix them and check with `assay "
            + "rules validate`:\n"
            + "  "
            + file
            + ":1: unknown key 'waiver' in a waivers file; did you mean 'waivers'? The "
            + "keys allowed here are: waivers. Fix the spelling or remove the key.\n"
            + "  "
            + file
            + ":1: missing required key 'waivers'; list the waivers under it",
        e.getMessage());
  }

  @Test
  void emptyWaiversListIsNoWaivers() throws IOException {
    assertEquals(List.of(), Waivers.load(write("waivers: []")).entries());
    assertEquals(List.of(), Waivers.load(write("waivers:")).entries());
  }
}
