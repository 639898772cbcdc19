// The section tree: which blocks are headings, how they nest, what kind of
// section each one is. Everything downstream reads the plan through it.
#ifndef VNPLAN_PARSER_OUTLINE_H_
#define VNPLAN_PARSER_OUTLINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/parser/document.h"
#include "vnplan/plan.h"

namespace vnplan::internal {

// A section as the extractors see it: flat, with a link to its parent.
struct SectionInfo {
  std::string number;
  SectionKind kind = SectionKind::kOther;
  std::string folded_title;
  int parent = -1;  // index into Outline::infos
  int line = 0;     // of the heading
};

// One block of the body with the section it belongs to.
struct BodyUnit {
  const Block* block = nullptr;
  int section = -1;  // index into Outline::infos
  bool heading = false;
};

struct Outline {
  std::vector<Section> tree;
  std::vector<SectionInfo> infos;
  std::vector<BodyUnit> units;  // document order
};

// Where the body starts among a document's blocks: at the first top-level
// heading (a chapter, an article "Điều 1.", a Roman part), else at the first
// numbered title; blocks.size() when there is none. What comes before is the
// preamble (the legal bases).
size_t BodyStart(const std::vector<Block>& blocks);

class OutlineBuilder {
 public:
  OutlineBuilder();
  ~OutlineBuilder();

  // Builds the tree from the body's blocks (which must outlive the result).
  Outline Build(const std::vector<Block>& blocks) const;
  // The section kind named by a folded heading title, or kOther. With
  // `start_words`, the name must begin within that many words: "Thẩm quyền
  // quyết định tiêu chuẩn, định mức …" is about authority, not criteria.
  SectionKind KindOf(std::string_view folded_title, int start_words = 8) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> re_;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_PARSER_OUTLINE_H_
