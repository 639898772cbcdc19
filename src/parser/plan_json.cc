#include "vnplan/plan_json.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace vnplan {
namespace {

using Json = nlohmann::ordered_json;

Json Opt(const OptString& s) { return s ? Json(*s) : Json(nullptr); }

Json Number(const std::optional<double>& v) {
  if (!v) return nullptr;
  if (std::floor(*v) == *v && std::fabs(*v) < 1e15)
    return Json(static_cast<long long>(*v));
  return Json(*v);
}

Json SectionJson(const Section& s) {
  Json children = Json::array();
  for (const Section& c : s.children) children.push_back(SectionJson(c));
  Json items = Json::array();
  for (const SectionItem& i : s.items)
    items.push_back(Json{{"text", i.text}, {"line", i.line}});
  return Json{{"number", s.number}, {"title", s.title}, {"kind", std::string(SectionKindName(s.kind))},
              {"line", s.line},     {"children", children}, {"items", items}};
}

Json StatementsJson(const std::vector<Statement>& list, bool with_group) {
  Json out = Json::array();
  for (const Statement& s : list) {
    Json j{{"text", s.text}};
    if (with_group) j["applies_to"] = Opt(s.applies_to);
    j["section"] = s.section;
    j["line"] = s.line;
    out.push_back(std::move(j));
  }
  return out;
}

Json DocumentJson(const Header& h) {
  Json period = nullptr;
  if (h.period) period = Json{{"from", h.period->from}, {"to", h.period->to}};
  Json signer = nullptr;
  if (h.signer)
    signer = Json{{"name", Opt(h.signer->name)},
                  {"position", Opt(h.signer->position)},
                  {"on_behalf", Opt(h.signer->on_behalf)}};
  return Json{{"issuer", {{"name", Opt(h.issuer.name)}, {"parent", Opt(h.issuer.parent)}}},
              {"type", Opt(h.type)},
              {"number", Opt(h.number)},
              {"symbol", Opt(h.symbol)},
              {"place", Opt(h.place)},
              {"date", Opt(h.date)},
              {"title", Opt(h.title)},
              {"period", period},
              {"signer", signer},
              {"recipients", h.recipients}};
}

Json SignaturesJson(const std::vector<SourceInfo::Signature>& signatures) {
  Json list = Json::array();
  for (const SourceInfo::Signature& s : signatures)
    list.push_back(Json{{"signed_by", Opt(s.signed_by)}, {"organisation", Opt(s.organisation)},
                        {"time", Opt(s.time)}, {"page", s.page}});
  return list;
}

Json PlanObject(const Plan& plan, const SourceInfo& source) {
  Json j;
  j["schema_version"] = kSchemaVersion;
  j["source"] = Json{
      {"file", source.file},
      {"sha256", source.sha256},
      {"kind", source.kind},
      {"pages", source.pages ? Json(*source.pages) : Json(nullptr)},
      {"ocr", source.ocr ? Json{{"engine", source.ocr->engine},
                                {"languages", source.ocr->languages},
                                {"mean_confidence", source.ocr->mean_confidence
                                                        ? Json(std::round(*source.ocr->mean_confidence * 10) / 10)
                                                        : Json(nullptr)}}
                         : Json(nullptr)},
      {"restoration",
       {{"applied", source.restoration_applied}, {"tokens_changed", source.tokens_changed}}},
      {"pipeline", source.pipeline},
      {"signatures", SignaturesJson(source.signatures)}};
  j["document"] = DocumentJson(plan.header);
  Json bases = Json::array();
  for (const LegalBasis& b : plan.legal_bases)
    bases.push_back(Json{{"type", Opt(b.type)}, {"number", Opt(b.number)},
                         {"date", Opt(b.date)}, {"issuer", Opt(b.issuer)},
                         {"text", b.text}, {"line", b.line}});
  j["legal_bases"] = bases;
  Json sections = Json::array();
  for (const Section& s : plan.sections) sections.push_back(SectionJson(s));
  j["sections"] = sections;
  j["goals"] = StatementsJson(plan.goals, false);
  j["requirements"] = StatementsJson(plan.requirements, false);
  j["criteria"] = StatementsJson(plan.criteria, true);
  Json targets = Json::array();
  for (const Target& t : plan.targets)
    targets.push_back(Json{{"text", t.text}, {"indicator", Opt(t.indicator)},
                           {"quantity", Number(t.quantity)},
                           {"quantity_max", Number(t.quantity_max)},
                           {"unit", Opt(t.unit)}, {"comparator", Opt(t.comparator)},
                           {"section", t.section}, {"line", t.line}});
  j["targets"] = targets;
  Json deadlines = Json::array();
  for (const Deadline& d : plan.deadlines)
    deadlines.push_back(Json{{"text", d.text}, {"kind", std::string(DeadlineKindName(d.kind))}, {"date", Opt(d.date)},
                             {"start", Opt(d.start)}, {"end", Opt(d.end)},
                             {"recurrence", Opt(d.recurrence)}, {"action", Opt(d.action)},
                             {"responsible", d.responsible}, {"section", d.section},
                             {"line", d.line}});
  j["deadlines"] = deadlines;
  Json assignments = Json::array();
  for (const Assignment& a : plan.assignments)
    assignments.push_back(Json{{"assignee", a.assignee}, {"role", std::string(AssignmentRoleName(a.role))},
                               {"tasks", a.tasks}, {"section", a.section},
                               {"line", a.line}});
  j["assignments"] = assignments;
  Json contacts = Json::array();
  for (const Contact& c : plan.contacts)
    contacts.push_back(Json{{"name", Opt(c.name)}, {"email", Opt(c.email)},
                            {"phone", Opt(c.phone)}, {"line", c.line}});
  j["contacts"] = contacts;
  j["text"] = plan.text;
  return j;
}

}  // namespace

std::string PlanToJson(const Plan& plan, const SourceInfo& source, JsonLayout layout) {
  // Text cut by OCR can hold broken UTF-8; it is written as U+FFFD, never refused.
  const auto replace = Json::error_handler_t::replace;
  return layout == JsonLayout::kIndented ? PlanObject(plan, source).dump(2, ' ', false, replace)
                                         : PlanObject(plan, source).dump(-1, ' ', false, replace);
}

}  // namespace vnplan
