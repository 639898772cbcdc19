#include "src/ocr/signature_box.h"

#include <re2/re2.h>

#include <cstdio>
#include <string>

namespace vnplan::ocr {
namespace {

enum class Field { kSignedBy, kOrganisation, kTime };

// The one table of the box's labels, lower case (matched case-insensitively).
struct Label {
  std::string_view text;
  Field field;
};
constexpr Label kLabels[] = {
    {"ký bởi", Field::kSignedBy},          {"người ký", Field::kSignedBy},
    {"signed by", Field::kSignedBy},       {"cơ quan", Field::kOrganisation},
    {"tổ chức", Field::kOrganisation},     {"organization", Field::kOrganisation},
    {"organisation", Field::kOrganisation}, {"thời gian ký", Field::kTime},
    {"ngày ký", Field::kTime},             {"signing time", Field::kTime},
};

const RE2& LabelPattern() {
  static const RE2* const pattern = [] {
    std::string alternatives;
    for (const Label& label : kLabels) {
      if (!alternatives.empty()) alternatives += '|';
      alternatives += RE2::QuoteMeta(label.text);
    }
    return new RE2("(?i)(" + alternatives + ")\\s*:");
  }();
  return *pattern;
}

// "21/01/2025 09:08:01", "21.03.2018 16:41:00 +07:00", "2025-01-21 09:08".
const RE2& TimePattern() {
  static const RE2 pattern(
      "(?:(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))[T ]+"
      "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*(?:GMT|UTC)?\\s*([+-]\\d{2}):?(\\d{2}))?");
  return pattern;
}

int Number(const std::string& digits) { return digits.empty() ? 0 : std::stoi(digits); }

// The first date and time in `text` as ISO 8601 ("2018-03-21T16:41:00+07:00",
// the offset only when stated); nullopt when there is none or it is not a
// real date and time.
std::optional<std::string> IsoTime(std::string_view text) {
  std::string d, m, y, iy, im, id, hh, mm, ss, zone_h, zone_m;
  if (!RE2::PartialMatch(text, TimePattern(), &d, &m, &y, &iy, &im, &id, &hh, &mm, &ss, &zone_h, &zone_m))
    return std::nullopt;
  if (y.empty()) d = id, m = im, y = iy;
  const int day = Number(d), month = Number(m), year = Number(y);
  const int hour = Number(hh), minute = Number(mm), second = Number(ss);
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] || (month == 2 && day == 29 && !leap) ||
      hour > 23 || minute > 59 || second > 59)
    return std::nullopt;
  char iso[64];  // room for any int the compiler cannot rule out
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  std::string out = iso;
  if (!zone_h.empty()) out += zone_h + ":" + zone_m;
  return out;
}

// `text` with its runs of white space made single spaces, trimmed.
std::string Collapse(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<std::string> NonEmpty(std::string value) {
  return value.empty() ? std::nullopt : std::optional<std::string>(std::move(value));
}

Field FieldOf(std::string_view label) {
  for (const Label& entry : kLabels)  // RE2 matched it case-insensitively: compare the same way
    if (RE2::FullMatch(label, "(?i)" + RE2::QuoteMeta(entry.text))) return entry.field;
  return Field::kSignedBy;
}

std::vector<OcrSignature> Labelled(std::string_view text) {
  std::vector<OcrSignature> signatures;
  re2::StringPiece rest(text.data(), text.size()), label;
  std::optional<Field> field;
  unsigned fields_seen = 0;  // of the last signature: bit (1 << Field)
  const char* value_begin = nullptr;
  auto close = [&](const char* value_end) {
    if (!field) return;
    OcrSignature& s = signatures.back();
    const std::string value = Collapse(std::string_view(value_begin, value_end - value_begin));
    if (*field == Field::kSignedBy) s.signed_by = NonEmpty(value);
    if (*field == Field::kOrganisation) s.organisation = NonEmpty(value);
    if (*field == Field::kTime) s.time = IsoTime(value);
  };
  while (RE2::FindAndConsume(&rest, LabelPattern(), &label)) {
    close(label.data());
    field = FieldOf(std::string_view(label.data(), label.size()));
    const unsigned bit = 1u << static_cast<unsigned>(*field);
    if (signatures.empty() || (fields_seen & bit)) signatures.emplace_back(), fields_seen = 0;
    fields_seen |= bit;
    value_begin = rest.data();
  }
  close(text.data() + text.size());
  return signatures;
}

}  // namespace

std::vector<OcrSignature> ParseSignatureBox(std::string_view layer_text) {
  if (RE2::PartialMatch(layer_text, LabelPattern())) return Labelled(layer_text);
  // The VGCA box: a time line; the holder is the first line that is neither
  // the time nor an e-mail address.
  OcrSignature signature;
  signature.time = IsoTime(layer_text);
  if (!signature.time) return {};
  size_t at = 0;
  while (at < layer_text.size() && !signature.signed_by) {
    size_t end = layer_text.find('\n', at);
    if (end == std::string_view::npos) end = layer_text.size();
    const std::string line = Collapse(layer_text.substr(at, end - at));
    if (!line.empty() && line.find('@') == std::string::npos && !IsoTime(line)) signature.signed_by = line;
    at = end + 1;
  }
  return {signature};
}

}  // namespace vnplan::ocr
