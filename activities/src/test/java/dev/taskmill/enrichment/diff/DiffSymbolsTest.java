package dev.taskmill.enrichment.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real snippets per language, one edit each: the changed symbols must be the ones the edit is in.
 */
class DiffSymbolsTest {
  /** The changed file's symbols after replacing {@code from} with {@code to} in {@code source}. */
  static List<Symbol> symbolsOfEdit(String path, String source, String from, String to) {
    DiffSemantics semantics =
        new Diffs().modify(path, source, Diffs.replaceOnce(source, from, to)).asFix();
    FileSemantics file = semantics.files().get(0);
    assertThat(file.parseNote()).as("parse note").isNull();
    return file.symbols();
  }

  static void assertEdit(
      String path, String source, String from, String to, String kind, String qualified) {
    List<Symbol> symbols = symbolsOfEdit(path, source, from, to);
    assertThat(symbols).extracting(Symbol::qualifiedName).containsExactly(qualified);
    assertThat(symbols.get(0).kind()).isEqualTo(kind);
  }

  @Nested
  class Java {
    static final String CALC =
        """
        package calc;

        import java.util.List;

        public class Calc {
          private final int base;

          public Calc(int base) {
            this.base = base;
          }

          public int add(int a, int b) {
            return a + b; // int
          }

          public double add(double a, double b) {
            return a + b; // double
          }

          /** Holds the deeper class. */
          public static class Inner {
            static class Deeper {
              String name() {
                return "deeper";
              }
            }
          }

          public List<Integer> doubled(List<Integer> xs) {
            return xs.stream().map(x -> {
              return x * 2;
            }).toList();
          }

          enum Op {
            PLUS, MINUS;

            int apply(int a, int b) {
              return this == PLUS ? a + b : a - b;
            }
          }

          record Point(int x, int y) {
            Point {
              assert x >= 0;
            }
          }
        }
        """;

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "this.base = base;|this.base = Math.abs(base);|constructor|Calc.Calc(int)",
          "return a + b; // int|return Math.addExact(a, b); // int|method|Calc.add(int,int)",
          "return a + b; // double|return b + a; // double|method|Calc.add(double,double)",
          "return \"deeper\";|return \"deepest\";|method|Calc.Inner.Deeper.name()",
          "/** Holds the deeper class. */|/** Holds the deepest class. */|class|Calc.Inner",
          "return x * 2;|return x * 3;|method|Calc.doubled(List<Integer>)",
          "return this == PLUS ? a + b : a - b;|return this == PLUS ? b + a : a - b;|method|Calc.Op.apply(int,int)",
          "PLUS, MINUS;|PLUS, MINUS, TIMES;|enum|Calc.Op",
          "assert x >= 0;|assert x > 0;|constructor|Calc.Point.Point()",
          "private final int base;|private final long base;|class|Calc",
          "import java.util.List;|import java.util.ArrayList;|module|Calc.java",
        })
    void changedLinesGiveTheirInnermostSymbol(
        String from, String to, String kind, String qualified) {
      assertEdit("src/main/java/calc/Calc.java", CALC, from, to, kind, qualified);
    }

    @Test
    void overloadsKeepTheirOwnNamesAndParameterTypes() {
      List<Symbol> symbols =
          symbolsOfEdit(
              "Calc.java",
              CALC,
              "return a + b; // int\n  }\n\n  public double add(double a,"
                  + " double b) {\n    return a + b; // double",
              "return 0; // int\n  }\n\n  public double add(double a,"
                  + " double b) {\n    return 0.0; // double");
      assertThat(symbols)
          .containsExactly(
              new Symbol("method", "add", "Calc.add(int,int)"),
              new Symbol("method", "add", "Calc.add(double,double)"));
    }

    @Test
    void aSyntaxErrorIsReportedNotHidden() {
      DiffSemantics semantics =
          new Diffs()
              .modify("Broken.java", "class Broken {\n}\n", "class Broken {\n  void (\n}\n")
              .asFix();
      assertThat(semantics.files().get(0).parseNote()).contains("javaparser");
    }
  }

  @Nested
  class Python {
    static final String CALC =
        """
        import functools

        LIMIT = 10


        def cached(fn):
            @functools.wraps(fn)
            def wrapper(*args):
                return fn(*args)
            return wrapper


        @cached
        def clamp(x, lo, hi):
            return max(lo, x)


        class Calc:
            class Config:
                precision = 2

            def add(self, a, b):
                return a + b

            @staticmethod
            def zero():
                return 0

            async def fetch(self):
                return await self.load()


        @dataclass
        class Point:
            x: int = 0
        """;

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "LIMIT = 10|LIMIT = 20|module|calc.py",
          "return fn(*args)|return fn(*args) or None|function|cached.wrapper",
          "return max(lo, x)|return min(hi, max(lo, x))|function|clamp",
          "@cached|@cached  # memoized|function|clamp",
          "precision = 2|precision = 3|class|Calc.Config",
          "return a + b|return b + a|method|Calc.add",
          "return 0|return 0.0|method|Calc.zero",
          "return await self.load()|return await self.reload()|method|Calc.fetch",
          "@dataclass|@dataclass(frozen=True)|class|Point",
          "x: int = 0|x: float = 0.0|class|Point",
        })
    void changedLinesGiveTheirInnermostSymbol(
        String from, String to, String kind, String qualified) {
      assertEdit("src/calc.py", CALC, from, to, kind, qualified);
    }
  }

  @Nested
  class JavaScript {
    static final String CART =
        """
        const path = require('path');

        class Cart {
          constructor(items) {
            this.items = items;
          }

          total() {
            return this.items.reduce((sum, i) => sum + i.price, 0);
          }

          onChange = () => {
            this.dirty = true;
          };
        }

        function clamp(x, lo, hi) {
          return Math.max(lo, x);
        }

        const double = (x) => x * 2;

        const api = {
          get(url) {
            return fetch(url);
          },
          post: function (url) {
            return fetch(url, { method: 'POST' });
          },
        };

        module.exports.helper = function () {
          return path.sep;
        };
        """;

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "this.items = items;|this.items = items ?? [];|constructor|Cart.constructor",
          "sum + i.price|sum + i.price * i.qty|method|Cart.total",
          "this.dirty = true;|this.dirty = !this.frozen;|arrow_function|Cart.onChange",
          "return Math.max(lo, x);|return Math.min(hi, Math.max(lo, x));|function|clamp",
          "(x) => x * 2|(x) => x + x|arrow_function|double",
          "return fetch(url);|return fetch(url, {});|method|api.get",
          "method: 'POST'|method: 'PUT'|function|api.post",
          "return path.sep;|return path.delimiter;|function|helper",
          "require('path')|require('node:path')|module|cart.js",
        })
    void changedLinesGiveTheirInnermostSymbol(
        String from, String to, String kind, String qualified) {
      assertEdit("lib/cart.js", CART, from, to, kind, qualified);
    }
  }

  @Nested
  class TypeScript {
    static final String SHAPES =
        """
        export interface Shape {
          area(): number;
        }

        export class Circle implements Shape {
          constructor(private readonly r: number) {}

          area(): number {
            return Math.PI * this.r ** 2;
          }

          scale<T extends number>(k: T): Circle {
            return new Circle(this.r * k);
          }
        }

        export const unit = (s: Shape): number => s.area();

        export enum Color {
          Red,
          Green,
        }
        """;

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "return Math.PI * this.r ** 2;|return Math.PI * this.r * this.r;|method|Circle.area",
          "return new Circle(this.r * k);|return new Circle(k * this.r);|method|Circle.scale",
          "area(): number;|area(): bigint;|method|Shape.area",
          "(s: Shape): number => s.area()|(s: Shape): number => s.area() / 2|arrow_function|unit",
          "Green,|Green, Blue,|enum|Color",
        })
    void changedLinesGiveTheirInnermostSymbol(
        String from, String to, String kind, String qualified) {
      assertEdit("src/shapes.ts", SHAPES, from, to, kind, qualified);
    }

    @Test
    void tsxIsParsedWithTheTypescriptGrammarAndSaysSo() {
      String before =
          "export function Hello(props: { name: string }) {\n  const n: string = props.name;\n"
              + "  return <b>{n}</b>;\n}\n";
      DiffSemantics semantics =
          new Diffs()
              .modify(
                  "src/Hello.tsx",
                  before,
                  Diffs.replaceOnce(before, "props.name;", "props.name.trim();"))
              .asFix();
      FileSemantics file = semantics.files().get(0);
      assertThat(file.language()).isEqualTo("typescript");
      assertThat(file.parseNote()).contains("no tsx grammar");
      assertThat(file.symbols()).extracting(Symbol::qualifiedName).containsExactly("Hello");
    }
  }

  @Nested
  class Go {
    static final String STACK =
        """
        package stack

        import "errors"

        type Stack struct {
        	items []int
        }

        func New() *Stack {
        	return &Stack{}
        }

        func (s *Stack) Push(v int) {
        	s.items = append(s.items, v)
        }

        func (s Stack) Len() int {
        	return len(s.items)
        }

        func (s *Stack) Pop() (int, error) {
        	if len(s.items) == 0 {
        		return 0, errors.New("empty")
        	}
        	v := s.items[len(s.items)-1]
        	s.items = s.items[:len(s.items)-1]
        	return v, nil
        }
        """;

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "return &Stack{}|return &Stack{items: nil}|function|New",
          "append(s.items, v)|append(s.items, v, v)|method|(*Stack).Push",
          "return len(s.items)|return cap(s.items)|method|Stack.Len",
          "errors.New(\"empty\")|errors.New(\"stack is empty\")|method|(*Stack).Pop",
          "items []int|items []int64|struct|Stack",
          "import \"errors\"|import \"fmt\"|module|stack.go",
        })
    void changedLinesGiveTheirInnermostSymbol(
        String from, String to, String kind, String qualified) {
      assertEdit("stack/stack.go", STACK, from, to, kind, qualified);
    }

    @Test
    void genericReceiversDropTheirTypeParameters() {
      String list =
          "package list\n\ntype List[T any] struct {\n\titems []T\n}\n\n"
              + "func (l *List[T]) Get(i int) T {\n\treturn l.items[i]\n}\n";
      assertEdit(
          "list.go",
          list,
          "return l.items[i]",
          "return l.items[len(l.items)-1-i]",
          "method",
          "(*List).Get");
    }

    @Test
    void methodNamesKeepTheBareName() {
      List<Symbol> symbols =
          symbolsOfEdit("stack.go", STACK, "append(s.items, v)", "append(s.items, v, v)");
      assertThat(symbols).containsExactly(new Symbol("method", "Push", "(*Stack).Push"));
    }
  }

  @Nested
  class Other {
    @Test
    void unsupportedLanguagesKeepTheirLineCountsWithoutSymbols() {
      DiffSemantics semantics =
          new Diffs()
              .modify("README.md", "# Calc\n\nAdds.\n", "# Calc\n\nAdds and clamps.\n")
              .asFix();
      FileSemantics file = semantics.files().get(0);
      assertThat(file.language()).isEqualTo("other");
      assertThat(file.linesAdded()).isEqualTo(1);
      assertThat(file.linesRemoved()).isEqualTo(1);
      assertThat(file.symbols()).isEmpty();
      assertThat(file.hunks()).singleElement().satisfies(h -> assertThat(h.symbols()).isEmpty());
      assertThat(semantics.parser()).isEmpty();
    }
  }
}
