#include "vnplan/parser.h"

#include "src/parser/document.h"
#include "src/parser/extractors.h"
#include "src/parser/header.h"
#include "src/parser/outline.h"
#include "src/restore/gazetteer.h"
#include "src/text/folding.h"
#include "vnplan/text_input.h"

namespace vnplan {

using namespace internal;

// Every stage's compiled patterns, built once per PlanParser.
struct PlanParser::Engine {
  TextFolder folder;
  DocumentReader reader{folder};
  HeaderReader header{folder};
  OutlineBuilder outline;
  LegalBasisReader legal;
  StatementCollector statements;
  TargetFinder targets;
  AssignmentFinder assignments;
  DeadlineFinder deadlines{assignments};
  TaskTableReader tables{folder, assignments, deadlines};
  ContactFinder contacts;
  std::unique_ptr<Gazetteer> gazetteer;
};

PlanParser::PlanParser() : engine_(std::make_unique<Engine>()) {}
PlanParser::~PlanParser() = default;

Status PlanParser::UseGazetteer(const std::string& path) {
  std::unique_ptr<Gazetteer> gazetteer;
  if (Status status = Gazetteer::Load(path, &gazetteer); !status.ok()) return status;
  engine_->gazetteer = std::move(gazetteer);
  engine_->header.set_gazetteer(engine_->gazetteer.get());
  return Status::Ok();
}

namespace {

// Where a document states what it rests on: its preamble; a Công văn also
// under its numbered answers, each "Căn cứ …" paragraph citing the rule the
// answer applies (devset Cục Thuế letter 5388/CT-CS: its three bases under
// "1. Về việc xử lý thu hồi hoàn thuế" were lost). Other kinds' bodies cite
// documents as their subject ("Căn cứ Kế hoạch này, các Sở …").
std::vector<Block> LegalPassages(const Header& header, const std::vector<Block>& preamble,
                                 const std::vector<Block>& body) {
  std::vector<Block> passages = preamble;
  if (header.type != "Công văn") return passages;
  for (const Block& block : body)
    if (block.folded.text.starts_with("can cu ")) passages.push_back(block);
  return passages;
}

}  // namespace

Plan PlanParser::Parse(std::string_view utf8_text) const {
  return ParseNormalized(NormalizePlanText(utf8_text));
}

Plan PlanParser::ParseNormalized(std::string text) const {
  Engine& e = *engine_;
  Plan plan;
  plan.text = std::move(text);
  const std::vector<Line> lines = e.reader.ReadLines(plan.text);
  const Layout layout = e.header.ReadLayout(lines, plan.header);
  // A page with no type line, no national motto and no line opening on its
  // number is no document (a legal Q&A page, an encyclopedia article): the
  // "Số: 01/2017/QĐ-TA" its form guide gives as an example and a birth date
  // in its prose are not a header (devset: 5 such pages, each with a number
  // or date from its text; a resolution that kept only "Số: 1670/NQ-…" of
  // its masthead still reads it), and what its prose cites is not what it
  // rests on: the convention's "no legal bases".
  const bool document = e.header.IsDocument(lines, layout);
  if (document) e.header.ReadMasthead(lines, layout, plan.header);
  e.header.ReadClosing(lines, layout, plan.header);

  // Between the title and the closing: the preamble, then the body from the
  // first top-level heading on.
  std::vector<Block> blocks = e.reader.ReadBlocks(lines, layout.title_end, layout.closing);
  // A plan issued by the decision, after its signature, continues the body.
  if (layout.attached_body < layout.attached_end) {
    std::vector<Block> attached =
        e.reader.ReadBlocks(lines, layout.attached_body, layout.attached_end);
    blocks.insert(blocks.end(), std::make_move_iterator(attached.begin()),
                  std::make_move_iterator(attached.end()));
  }
  const size_t body = BodyStart(blocks);
  const std::vector<Block> preamble(blocks.begin(),
                                    blocks.begin() + static_cast<long>(body));
  const std::vector<Block> body_blocks(blocks.begin() + static_cast<long>(body),
                                       blocks.end());
  if (document) plan.legal_bases = e.legal.Read(LegalPassages(plan.header, preamble, body_blocks));
  Outline outline = e.outline.Build(body_blocks);
  e.statements.Collect(outline, plan);
  plan.targets = e.targets.Find(outline);
  plan.assignments = e.assignments.Find(outline);
  plan.deadlines = e.deadlines.Find(outline, plan.header, plan.assignments);
  e.tables.Read(lines, plan.header, plan);
  plan.contacts = e.contacts.Find(lines);
  plan.sections = std::move(outline.tree);
  return plan;
}

}  // namespace vnplan
