// The query string of an API request: decoded, bounded and checked, with errors that name the parameter.
package dev.w2v.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parameters of a {@code GET /api/...?a=1&b=2} request; a repeated name keeps every value in order. */
final class Params {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  /** Decodes a raw query string ({@code +} and {@code %XX}); malformed escapes are a 400. */
  static Params parse(String rawQuery) {
    Params p = new Params();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return p;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      p.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return p;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.bad("malformed %-escape in the query string");
    }
  }

  /** The last value of a parameter, or null. */
  String get(String name) {
    List<String> v = values.get(name);
    return v == null ? null : v.get(v.size() - 1);
  }

  /** The words of a parameter: every value split at white space (none when absent). */
  List<String> words(String name) {
    List<String> out = new ArrayList<>();
    List<String> v = values.get(name);
    if (v != null) {
      for (String s : v) {
        for (String w : s.strip().split("\\s+")) {
          if (!w.isEmpty()) {
            out.add(w);
          }
        }
      }
    }
    return out;
  }

  /** The words of a required parameter: at least one. */
  List<String> requiredWords(String name) {
    List<String> w = words(name);
    if (w.isEmpty()) {
      throw ApiError.bad("missing parameter '" + name + "'");
    }
    return w;
  }

  /** One required word. */
  String word(String name) {
    List<String> w = requiredWords(name);
    if (w.size() != 1) {
      throw ApiError.bad("parameter '" + name + "' takes one word, got " + w.size());
    }
    return w.get(0);
  }

  /** An integer parameter in min..max, or the default when absent. */
  int integer(String name, int dflt, int min, int max) {
    String s = get(name);
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    int v;
    try {
      v = Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw ApiError.bad("parameter '" + name + "' must be a whole number, got \"" + Limits.cut(s) + "\"");
    }
    if (v < min || v > max) {
      throw ApiError.bad("parameter '" + name + "' must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }
}
