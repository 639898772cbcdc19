#include "src/text/words.h"

namespace vnplan::internal {

double MarkedShare(std::string_view text) {
  int words = 0, marked = 0;
  bool in_word = false, mark = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (letter) {
      in_word = true;
      mark |= c >= 0x80;
    } else if (in_word) {
      ++words;
      marked += mark;
      in_word = mark = false;
    }
  }
  return words ? double(marked) / words : 0.0;
}

}  // namespace vnplan::internal
